package dev.openesc.cli.backend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.openesc.cli.EscException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalUserTest {

    @Test
    void theUserNameIsLowerCasedAndEveryOtherCharacterBecomesADash() {
        assertThat(LocalBackend.localUser(Map.of("ESC_LOCAL_USER", "Jane Doe_1"))).isEqualTo("jane-doe_1");
        assertThat(LocalBackend.localUser(Map.of("ESC_LOCAL_USER", "a+b@c"))).isEqualTo("a-b-c");
    }

    @Test
    void aCharacterOutsideTheBasicPlaneBecomesOneDash() {
        // U+1F600 is two chars in Java: the user name keeps one '-' for it, as a regular expression over code
        // points would.
        assertThat(LocalBackend.localUser(Map.of("ESC_LOCAL_USER", "ab\uD83D\uDE00cd"))).isEqualTo("ab-cd");
        assertThat(LocalBackend.localUser(Map.of("ESC_LOCAL_USER", "x\u00e9t\u00e9x"))).isEqualTo("x-t-x");
    }

    @Test
    void aNameThatIsNoOrganizationNameIsRefused() {
        assertThatThrownBy(() -> LocalBackend.localUser(Map.of("ESC_LOCAL_USER", "-a-")))
                .isInstanceOf(EscException.class)
                .hasMessageContaining("ESC_LOCAL_USER");
    }
}
