package dev.openesc.server.http;

import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The body of every 4xx and 5xx answer: {@code {"code": <status>, "message": "..."}}, plus
 * {@code diagnostics} when parsing or evaluation failed.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record ErrorBody(int code, String message, List<Object> diagnostics) {
}
