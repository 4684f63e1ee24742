package io.thz.core.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The {@code thz} command line of thz-core. The subcommands are listed once, in the
 * {@code subcommands} attribute below; exit code 2 means bad input or bad usage.
 */
@Command(name = "thz", description = "THz MIMO-NOMA network (GE-VDAC reference implementation): core tools.",
        subcommands = {SlotCommand.class, RecordCommand.class, CommandLine.HelpCommand.class})
public final class ThzCoreCli implements Runnable {

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help and exit")
    boolean help;

    /** Exit code for malformed input and usage errors. */
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    private final InputStream stdin;

    /** A command line reading {@code --in -} from {@code stdin}. */
    public ThzCoreCli(InputStream stdin) {
        this.stdin = stdin;
    }

    /** Standard input, for subcommands that read {@code -}. */
    InputStream stdin() {
        return stdin;
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.in, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, InputStream in, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new ThzCoreCli(in))
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, arguments) -> {
                    CommandLine failed = e.getCommandLine();
                    failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                    failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
                    return EXIT_BAD_INPUT;
                });
        int code = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }
}
