package dev.openesc.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;

/** {@code esc version}: the version this build was made from. */
@Command(name = "version", description = "Print esc's version number", mixinStandardHelpOptions = true)
public final class VersionCommand extends WorkspaceCommand implements Callable<Integer> {

    public static String version() {
        Properties p = new Properties();
        try (InputStream in = VersionCommand.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        return "v" + p.getProperty("version", "unknown");
    }

    @Override
    public Integer call() {
        out().println(version());
        return ExitCodes.OK;
    }

    /** Gives {@code esc --version} the same text. */
    public static final class Provider implements IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {version()};
        }
    }
}
