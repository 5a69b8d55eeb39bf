package dev.openesc.providers.aws;

import dev.openesc.core.provider.ProviderException;
import dev.openesc.core.value.Value;
import dev.openesc.providers.identity.IdentityTokenException;
import dev.openesc.providers.identity.SubjectAttribute;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What an {@code fn::open::aws-login} asks for: a role to assume through OIDC, or static keys. */
sealed interface AwsLoginRequest {

    /** The reference's default session length; AWS roles allow one hour unless raised, so many set {@code 1h}. */
    Duration DEFAULT_DURATION = Duration.ofHours(2);

    /**
     * @param duration          the role session's length
     * @param policyArns        managed policies that further restrict the session
     * @param subjectAttributes what the token's subject names besides the organization; empty for the plain subject
     */
    record Oidc(String roleArn, String sessionName, Duration duration, List<String> policyArns,
                List<SubjectAttribute> subjectAttributes) implements AwsLoginRequest {
        public Oidc {
            policyArns = List.copyOf(policyArns);
            subjectAttributes = List.copyOf(subjectAttributes);
        }
    }

    record Static(SessionCredentials credentials) implements AwsLoginRequest {
    }

    /**
     * Reads inputs the input schema already accepted; what a schema cannot say (a duration's syntax, exactly one
     * form) is checked here.
     */
    static AwsLoginRequest from(Map<String, Value> inputs) throws ProviderException {
        Map<String, Value> oidc = object(inputs.get("oidc"));
        Map<String, Value> statics = object(inputs.get("static"));
        if ((oidc == null) == (statics == null)) {
            throw new ProviderException("aws-login needs exactly one of oidc or static");
        }
        if (statics != null) {
            return new Static(new SessionCredentials(text(statics, "accessKeyId"), text(statics, "secretAccessKey"),
                    text(statics, "sessionToken"), Optional.empty()));
        }
        String durationText = text(oidc, "duration");
        Duration duration = DEFAULT_DURATION;
        if (!durationText.isEmpty()) {
            try {
                duration = SessionDuration.parse(durationText);
            } catch (IllegalArgumentException e) {
                throw new ProviderException("aws-login oidc.duration: " + e.getMessage());
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw new ProviderException("aws-login oidc.duration must be positive");
        }
        List<SubjectAttribute> attributes = new ArrayList<>();
        for (String name : texts(oidc, "subjectAttributes")) {
            try {
                attributes.add(SubjectAttribute.named(name));
            } catch (IdentityTokenException e) {
                throw new ProviderException("aws-login oidc.subjectAttributes: " + e.getMessage());
            }
        }
        return new Oidc(text(oidc, "roleArn"), text(oidc, "sessionName"), duration, texts(oidc, "policyArns"),
                attributes);
    }

    private static Map<String, Value> object(Value value) {
        return value == null ? null : value.asMap();
    }

    private static String text(Map<String, Value> fields, String name) {
        Value value = fields.get(name);
        return value != null && value.value() instanceof String s ? s : "";
    }

    private static List<String> texts(Map<String, Value> fields, String name) {
        Value value = fields.get(name);
        List<String> out = new ArrayList<>();
        if (value != null && value.asList() != null) {
            for (Value item : value.asList()) {
                if (item.value() instanceof String s) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
