/**
 * {@code aws-login}: AWS credentials from a role session that AWS STS grants for a token of the server's OIDC
 * issuer ({@code AssumeRoleWithWebIdentity}, AWS SDK for Java v2 over the JDK's HTTP client), or static keys.
 */
package dev.openesc.providers.aws;
