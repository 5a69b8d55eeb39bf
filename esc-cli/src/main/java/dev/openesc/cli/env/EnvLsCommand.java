package dev.openesc.cli.env;

import dev.openesc.cli.ExitCodes;
import dev.openesc.cli.backend.EnvironmentName;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code esc env ls}: the environments the caller can see; the caller's own org is left out of the names. */
@Command(name = "ls", mixinStandardHelpOptions = true, description = "List environments.")
public final class EnvLsCommand extends EnvironmentCommand implements Callable<Integer> {
    @Option(names = {"-o", "--organization"}, paramLabel = "ORG",
            description = "list only the environments of this organization")
    private String org;

    @Option(names = {"-p", "--project"}, paramLabel = "PROJECT",
            description = "list only the environments of this project")
    private String project;

    @Override
    public Integer call() {
        String user = backend().account().user();
        List<EnvironmentName> all = new ArrayList<>(backend().listEnvironments(org));
        all.removeIf(e -> project != null && !e.project().equals(project));
        all.sort(Comparator.comparing((EnvironmentName e) -> e.org().equals(user) ? "" : e.org())
                .thenComparing(e -> e.project() + "/" + e.env()));
        for (EnvironmentName e : all) {
            String shown = e.project() + "/" + e.env();
            out().println(e.org().equals(user) ? shown : e.org() + "/" + shown);
        }
        return ExitCodes.OK;
    }
}
