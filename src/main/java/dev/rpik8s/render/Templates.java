package dev.rpik8s.render;

import io.pebbletemplates.pebble.PebbleEngine;
import io.pebbletemplates.pebble.error.AttributeNotFoundException;
import io.pebbletemplates.pebble.error.LoaderException;
import io.pebbletemplates.pebble.error.PebbleException;
import io.pebbletemplates.pebble.error.RootAttributeNotFoundException;
import io.pebbletemplates.pebble.loader.ClasspathLoader;
import io.pebbletemplates.pebble.loader.DelegatingLoader;
import io.pebbletemplates.pebble.loader.FileLoader;
import io.pebbletemplates.pebble.loader.Loader;
import io.pebbletemplates.pebble.loader.StringLoader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * The templates flows render their commands and files from: {@code templates/} in the jar, each one shadowed by a
 * file of the same name under {@code DIR/templates} when {@code --wizards DIR} is given.
 *
 * <p>Set for scripts and config files, not HTML: no escaping, newlines kept as written (Pebble's default trimming
 * glues lines together; trim with {@code -%}} where meant), and a missing value is an error, never an empty
 * string. In {@code .sh} templates every value goes through {@code | sh}, checked when the template is compiled.
 */
public final class Templates {

    private static final String BUNDLED = "templates";

    private final PebbleEngine engine;
    /** For commands written in a flow ({@code run:}): the text is the template, and every one is a script. */
    private final PebbleEngine commands;
    private final Path overrides;

    private Templates(Path overrides) {
        this.overrides = overrides;
        List<Loader<?>> loaders = new ArrayList<>();
        if (overrides != null) {
            loaders.add(new FileLoader(overrides.toString()));
        }
        ClasspathLoader bundled = new ClasspathLoader(Templates.class.getClassLoader());
        bundled.setPrefix(BUNDLED);
        loaders.add(bundled);
        this.engine = engine(new DelegatingLoader(loaders), false);
        this.commands = engine(new StringLoader(), true);
    }

    private static PebbleEngine engine(Loader<?> loader, boolean everyTemplateAScript) {
        return new PebbleEngine.Builder()
                .loader(loader)
                .autoEscaping(false)
                .newLineTrimming(false)
                .strictVariables(true)
                .defaultLocale(Locale.ROOT)
                .extension(new ShellExtension(everyTemplateAScript))
                .build();
    }

    /** Only the templates in the jar. */
    public static Templates bundled() {
        return new Templates(null);
    }

    /** The templates in the jar, each shadowed by {@code wizardsDir/templates/NAME} where that file exists. */
    public static Templates overriddenBy(Path wizardsDir) {
        return new Templates(wizardsDir.resolve(BUNDLED).toAbsolutePath().normalize());
    }

    /**
     * Renders {@code name} (a path under {@code templates/}, e.g. {@code host-prep/hostname.sh}) with these values.
     *
     * @throws RenderFailed when the template is missing, does not parse, breaks the {@code | sh} rule, or asks for
     *         a value it was not given
     */
    public Rendered render(String name, Map<String, ?> values) throws RenderFailed {
        StringWriter out = new StringWriter();
        try {
            engine.getTemplate(name).evaluate(out, new HashMap<>(values));
        } catch (LoaderException e) {
            throw new RenderFailed("No template " + name + " (looked in " + (overrides == null ? "" : overrides + " and ")
                    + "the bundled templates).", e);
        } catch (PebbleException e) {
            throw new RenderFailed(where(e, name) + ": " + what(e, values), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);   // a StringWriter does not fail
        }
        return new Rendered(name, from(name), out.toString());
    }

    /**
     * Renders a command written in a flow ({@code run:}) with these values, under the same rules as a {@code .sh}
     * template: every value through {@code | sh}, a missing value an error.
     *
     * @param where how an operator finds the text, for messages: {@code deploy.yaml, step hostname, check}
     * @throws RenderFailed naming {@code where} and the line in the text
     */
    public Rendered renderCommand(String where, String text, Map<String, ?> values) throws RenderFailed {
        StringWriter out = new StringWriter();
        try {
            commands.getTemplate(text).evaluate(out, new HashMap<>(values));
        } catch (PebbleException e) {
            throw new RenderFailed(where + (e.getLineNumber() == null ? "" : ", line " + e.getLineNumber()) + ": "
                    + what(e, values), e);
        } catch (IOException e) {
            throw new UncheckedIOException("writing to a string", e);
        }
        return new Rendered(where, "flow", out.toString());
    }

    /**
     * Whether a flow's condition ({@code when: cluster.runtime == "containerd"}) holds for these values: a Pebble
     * expression, as an {@code if} takes it.
     *
     * @param where how an operator finds the text, for messages: {@code deploy.yaml, step containerd-config, when}
     * @throws RenderFailed when it does not parse or asks for a value it was not given
     */
    public boolean holds(String where, String condition, Map<String, ?> values) throws RenderFailed {
        return renderCommand(where, "{% if " + condition + " %}yes{% endif %}", values).text().equals("yes");
    }

    /** Why a flow's condition cannot be used (it does not parse), for the flow's loader; empty when it can. */
    public static java.util.Optional<String> conditionProblem(String condition) {
        try {
            CONDITIONS.getTemplate("{% if " + condition + " %}yes{% endif %}");
            return java.util.Optional.empty();
        } catch (PebbleException e) {
            return java.util.Optional.of(e.getPebbleMessage());
        }
    }

    /** Compiles conditions only, to check them as a flow loads; they are rendered by each Templates. */
    private static final PebbleEngine CONDITIONS = engine(new StringLoader(), true);

    private String from(String name) {
        return overrides != null && Files.isRegularFile(overrides.resolve(name)) ? overrides.resolve(name).toString()
                : "bundled";
    }

    /** The template the error is in (an included one, maybe) and its line. */
    private static String where(PebbleException e, String name) {
        String file = e.getFileName() == null ? name : e.getFileName();
        return e.getLineNumber() == null ? file : file + ", line " + e.getLineNumber();
    }

    private static String what(PebbleException e, Map<String, ?> values) {
        if (e instanceof RootAttributeNotFoundException missing) {
            return "no value for '" + missing.getAttributeName() + "' (given: "
                    + (values.isEmpty() ? "none" : String.join(", ", new TreeSet<>(values.keySet()))) + ")";
        }
        if (e instanceof AttributeNotFoundException missing) {
            return "the value has no '" + missing.getAttributeName() + "'";
        }
        return e.getPebbleMessage();
    }
}
