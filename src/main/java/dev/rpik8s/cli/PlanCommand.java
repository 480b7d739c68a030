package dev.rpik8s.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Print, per host, every command and file a flow would run or write, changing nothing.")
final class PlanCommand implements Callable<Integer> {

    @Option(names = "--session", paramLabel = "NAME", description = "Session whose cluster spec to plan.")
    String session;

    @Option(names = "--flow", defaultValue = "deploy", description = "Flow to plan (default: ${DEFAULT-VALUE}).")
    String flow;

    @Override
    public Integer call() {
        throw OperatorError.notYet("The plan", "Flows arrive with the wizard engine.");
    }
}
