package dev.openesc.bench.load;

import io.javalin.Javalin;
import java.util.Arrays;

/**
 * The baseline of the server benchmark: Javalin with the server's version and Jetty, one GET endpoint that
 * answers a fixed body of the given size (the size of the benchmark's definition, so both move the same
 * bytes) and does nothing else: no routing beyond one path, no authentication, no database, no logging.
 * Run as a child JVM with the server's JVM options; prints the URL it listens on.
 */
public final class BareJavalin {

    private BareJavalin() {
    }

    /** Arguments: the body size in bytes (default 2048). */
    public static void main(String[] args) {
        int size = args.length > 0 ? Integer.parseInt(args[0]) : 2048;
        byte[] body = new byte[size];
        Arrays.fill(body, (byte) 'x');
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.jetty.host = "127.0.0.1";
            config.jetty.port = 0;
            config.routes.get("/bare", ctx -> ctx.contentType("application/x-yaml").result(body));
        });
        app.start();
        System.out.println("bare Javalin listening on http://127.0.0.1:" + app.port());
        System.out.flush();
        Runtime.getRuntime().addShutdownHook(new Thread(app::stop));
    }
}
