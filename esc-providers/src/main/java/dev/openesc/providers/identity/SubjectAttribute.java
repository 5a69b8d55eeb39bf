package dev.openesc.providers.identity;

import java.util.function.Function;

/**
 * An attribute a provider's {@code subjectAttributes} may list; each adds {@code :<name>:<value>} to the
 * subject, in the order listed.
 */
public enum SubjectAttribute {
    ROOT_ENVIRONMENT_NAME("rootEnvironment.name", TokenRequest::rootEnvironment),
    CURRENT_ENVIRONMENT_NAME("currentEnvironment.name", TokenRequest::currentEnvironment),
    USER_LOGIN("pulumi.user.login", TokenRequest::triggerUser),
    ORGANIZATION_LOGIN("pulumi.organization.login", TokenRequest::org);

    private final String attributeName;
    private final Function<TokenRequest, String> value;

    SubjectAttribute(String attributeName, Function<TokenRequest, String> value) {
        this.attributeName = attributeName;
        this.value = value;
    }

    /** The name as written in an environment definition. */
    public String attributeName() {
        return attributeName;
    }

    String valueFor(TokenRequest request) {
        return value.apply(request);
    }

    /** The attribute written as {@code name}; IdentityTokenException naming the accepted ones otherwise. */
    public static SubjectAttribute named(String name) {
        for (SubjectAttribute attribute : values()) {
            if (attribute.attributeName.equals(name)) {
                return attribute;
            }
        }
        throw new IdentityTokenException("unknown subject attribute \"" + name + "\"; expected one of rootEnvironment.name,"
                + " currentEnvironment.name, pulumi.user.login, pulumi.organization.login");
    }
}
