package io.thz.learner.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * The learner's command line ({@code ./thz train}, {@code ./thz evaluate}): training and
 * evaluation in one process, no broker. Exit code 2 means bad input (unknown algorithm or scheme,
 * a scenario or configuration that fails validation, a bad option).
 */
@Command(name = "thz", mixinStandardHelpOptions = true,
        description = "Train and evaluate GE-VDAC and its baselines in one process.",
        subcommands = {TrainCommand.class, EvaluateCommand.class, CommandLine.HelpCommand.class})
public final class LearnerCli implements Runnable {

    /** Exit code for malformed input and usage errors. */
    public static final int EXIT_BAD_INPUT = 2;

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "missing subcommand (train or evaluate)");
    }

    public static void main(String[] args) {
        System.exit(execute(args, System.out, System.err));
    }

    /** Runs the command line with the given streams and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        PrintWriter outWriter = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter errWriter = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        CommandLine commandLine = new CommandLine(new LearnerCli())
                .setOut(outWriter)
                .setErr(errWriter)
                .setParameterExceptionHandler((e, arguments) -> {
                    CommandLine failed = e.getCommandLine();
                    failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                    failed.getErr().println("Try '" + failed.getCommandSpec().qualifiedName() + " --help'.");
                    return EXIT_BAD_INPUT;
                })
                .setExecutionExceptionHandler((e, failed, parseResult) -> {
                    if (e instanceof IllegalArgumentException) {
                        failed.getErr().println(failed.getCommandSpec().qualifiedName() + ": " + e.getMessage());
                        return EXIT_BAD_INPUT;
                    }
                    throw e;
                });
        int code = commandLine.execute(args);
        outWriter.flush();
        errWriter.flush();
        return code;
    }
}
