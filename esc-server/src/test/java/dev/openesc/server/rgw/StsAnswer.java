package dev.openesc.server.rgw;

/** How RGW's STS answered an AssumeRoleWithWebIdentity. */
public sealed interface StsAnswer {

    /** Temporary credentials of a role session. */
    record Granted(String accessKeyId, String secretAccessKey, String sessionToken, String expiration)
            implements StsAnswer {
        @Override
        public String toString() {
            return "Granted[" + accessKeyId + "]";
        }
    }

    /**
     * A refusal: the HTTP status, the error code RGW gave (often only "Unknown") and the reason RGW logged
     * while handling the call, which says why.
     */
    record Refused(int status, String code, String logged) implements StsAnswer {
    }
}
