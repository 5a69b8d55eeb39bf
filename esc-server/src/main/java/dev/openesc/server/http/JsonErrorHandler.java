package dev.openesc.server.http;

import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpStatus;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;

import java.nio.ByteBuffer;

/**
 * Jetty's own error answers (a request it rejects before Javalin sees it: a malformed URI, headers too
 * large) in the API's JSON error shape instead of an HTML page.
 */
final class JsonErrorHandler extends ErrorHandler {

    private static final String JSON = "application/json";

    @Override
    protected void generateResponse(Request request, Response response, int code, String message, Throwable cause,
                                    Callback callback) {
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, JSON);
        response.write(true, ByteBuffer.wrap(body(code, message)), callback);
    }

    private static byte[] body(int code, String message) {
        String text = message == null || message.isBlank() || message.length() > 200
                ? HttpStatus.getMessage(code) : message;
        return Json.bytes(new ErrorBody(code, text, null));
    }
}
