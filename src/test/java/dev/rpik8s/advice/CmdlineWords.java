package dev.rpik8s.advice;

import java.util.List;

/** TEST ONLY: the cmdline.txt words MemoryCgroup chooses for a kernel, for tests outside the advice package. */
public final class CmdlineWords {

    private CmdlineWords() {
    }

    public static List<String> forKernel(String kernelRelease) {
        return List.of(MemoryCgroup.cmdlineWords(kernelRelease).split(" "));
    }
}
