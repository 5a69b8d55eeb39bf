package dev.openesc.server.rgw;

/** The environment of the seed document: a role session from {@code aws-login}, exported as AWS's variables. */
public final class AwsLoginDefinition {

    private AwsLoginDefinition() {
    }

    /** A one-hour session of {@code roleArn} (RGW's default maximum), named {@code sessionName}. */
    public static String of(String roleArn, String sessionName) {
        return """
                values:
                  aws:
                    login:
                      fn::open::aws-login:
                        oidc:
                          roleArn: %s
                          sessionName: %s
                          duration: 1h
                  environmentVariables:
                    AWS_ACCESS_KEY_ID: ${aws.login.accessKeyId}
                    AWS_SECRET_ACCESS_KEY: ${aws.login.secretAccessKey}
                    AWS_SESSION_TOKEN: ${aws.login.sessionToken}
                """.formatted(roleArn, sessionName);
    }
}
