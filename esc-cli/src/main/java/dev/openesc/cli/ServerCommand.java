package dev.openesc.cli;

import dev.openesc.server.EscServer;
import dev.openesc.server.RunningServer;
import dev.openesc.server.ServerConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code esc server}: runs the ESC server (REST API) until stopped. */
@Command(name = "server", mixinStandardHelpOptions = true,
        description = {"Run the ESC server.",
            "",
            "Serves the ESC REST API on --listen (default 127.0.0.1:8080) over SQLite in $ESC_HOME/server, or",
            "over the PostgreSQL database of --database. On the first start it creates an admin user and",
            "prints their access token. Stops on SIGTERM or Ctrl-C."})
public final class ServerCommand extends WorkspaceCommand implements Callable<Integer> {
    @Option(names = "--listen", paramLabel = "HOST:PORT", description = "where to listen (ESC_LISTEN)")
    private String listen;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the server's folder (ESC_DATA_DIR)")
    private String dataDir;

    @Option(names = "--database", paramLabel = "URL", description = "a PostgreSQL URL (ESC_DATABASE_URL)")
    private String database;

    @Option(names = "--public-url", paramLabel = "URL", description = "the URL clients use (ESC_PUBLIC_URL)")
    private String publicUrl;

    @Option(names = "--admin-org", paramLabel = "ORG", description = "the first organization (ESC_ADMIN_ORG)")
    private String adminOrg;

    @Option(names = "--aws-sts-endpoint", paramLabel = "URL",
            description = "AWS STS for aws-login (ESC_AWS_STS_ENDPOINT; default: the region's public one)")
    private String awsStsEndpoint;

    @Option(names = "--aws-region", paramLabel = "REGION", description = "region of STS calls (ESC_AWS_REGION; us-east-1)")
    private String awsRegion;

    @Option(names = "--azure-authority-host", paramLabel = "URL",
            description = "the Entra authority for azure-login (ESC_AZURE_AUTHORITY_HOST)")
    private String azureAuthorityHost;

    @Option(names = "--gcp-sts-endpoint", paramLabel = "URL",
            description = "Google's token exchange for gcp-login (ESC_GCP_STS_ENDPOINT)")
    private String gcpStsEndpoint;

    @Option(names = "--gcp-iam-endpoint", paramLabel = "URL",
            description = "Google's IAM credentials API for gcp-login (ESC_GCP_IAM_ENDPOINT)")
    private String gcpIamEndpoint;

    @Option(names = "--vault-address", paramLabel = "URL",
            description = "Vault for vault-login, overriding each environment's address (ESC_VAULT_ADDRESS)")
    private String vaultAddress;

    @Option(names = "--provider-timeout", paramLabel = "DURATION",
            description = "the longest wait for one cloud call, e.g. 30s (ESC_PROVIDER_TIMEOUT; 30s)")
    private String providerTimeout;

    @Option(names = "--azure-audience", paramLabel = "AUDIENCE",
            description = "the aud of azure-login's tokens instead of azure:<org>, e.g. api://AzureADTokenExchange"
                    + " (ESC_AZURE_AUDIENCE)")
    private String azureAudience;

    @Override
    public Integer call() throws InterruptedException {
        List<String> args = new ArrayList<>();
        add(args, "--listen", listen);
        add(args, "--data-dir", dataDir);
        add(args, "--database", database);
        add(args, "--public-url", publicUrl);
        add(args, "--admin-org", adminOrg);
        add(args, "--aws-sts-endpoint", awsStsEndpoint);
        add(args, "--aws-region", awsRegion);
        add(args, "--azure-authority-host", azureAuthorityHost);
        add(args, "--gcp-sts-endpoint", gcpStsEndpoint);
        add(args, "--gcp-iam-endpoint", gcpIamEndpoint);
        add(args, "--vault-address", vaultAddress);
        add(args, "--provider-timeout", providerTimeout);
        add(args, "--azure-audience", azureAudience);
        ServerConfig config;
        try {
            config = ServerConfig.resolve(args, workspace().environ(), Path.of(System.getProperty("user.home")));
        } catch (IllegalArgumentException e) {
            throw new EscException(e.getMessage(), ExitCodes.USAGE);
        }
        RunningServer server = EscServer.start(config, out());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            stopped.countDown();
        }, "esc-server-shutdown"));
        out().println("OpenESC server listening on " + server.publicUrl());
        stopped.await();
        return ExitCodes.OK;
    }

    private static void add(List<String> args, String flag, String value) {
        if (value != null) {
            args.add(flag);
            args.add(value);
        }
    }
}
