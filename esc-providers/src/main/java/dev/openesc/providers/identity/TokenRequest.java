package dev.openesc.providers.identity;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a login provider asks to be vouched for.
 *
 * @param org                the organization
 * @param rootEnvironment    the environment being opened, {@code <project>/<env>}
 * @param currentEnvironment the environment whose definition holds the provider, {@code <project>/<env>}
 *                           (the root one, or an import of it)
 * @param triggerUser        the login of the user who opened the environment
 * @param audience           the {@code aud}; see {@link Audience#of}
 * @param subjectAttributes  empty for the plain subject; else the attributes, in order
 * @param lifetime           how long the token lives, at most one hour (the issuer refuses longer)
 */
public record TokenRequest(String org, String rootEnvironment, String currentEnvironment, String triggerUser,
                           String audience, List<SubjectAttribute> subjectAttributes, Duration lifetime) {

    public TokenRequest {
        Objects.requireNonNull(org, "org");
        Objects.requireNonNull(rootEnvironment, "rootEnvironment");
        Objects.requireNonNull(currentEnvironment, "currentEnvironment");
        Objects.requireNonNull(triggerUser, "triggerUser");
        Objects.requireNonNull(audience, "audience");
        subjectAttributes = List.copyOf(subjectAttributes);
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** The project of the environment being opened ({@code default} for a legacy name without one). */
    public String rootProject() {
        int slash = rootEnvironment.indexOf('/');
        return slash < 0 ? Audience.LEGACY_PROJECT : rootEnvironment.substring(0, slash);
    }

    /**
     * The {@code sub}. Plain: {@code pulumi:environments:org:<org>:env:<project>/<env>} naming the environment
     * being opened (as the reference does). With attributes: {@code pulumi:environments:pulumi.organization.login:<org>}
     * and then {@code :<attribute>:<value>} for each listed one; the organization is already the prefix, so
     * listing it adds nothing.
     */
    public String subject() {
        if (subjectAttributes.isEmpty()) {
            return "pulumi:environments:org:" + org + ":env:" + rootEnvironment;
        }
        StringBuilder subject = new StringBuilder("pulumi:environments:pulumi.organization.login:").append(org);
        for (SubjectAttribute attribute : subjectAttributes) {
            if (attribute != SubjectAttribute.ORGANIZATION_LOGIN) {
                subject.append(':').append(attribute.attributeName()).append(':').append(attribute.valueFor(this));
            }
        }
        return subject.toString();
    }
}
