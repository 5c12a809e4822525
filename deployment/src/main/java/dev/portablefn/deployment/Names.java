package dev.portablefn.deployment;

import dev.portablefn.runtime.internal.outbound.LogicalNames;
import java.time.Duration;

/** The names each renderer derives from a declaration's: Java identifiers, provider resource ids, settings. */
final class Names {

    private Names() {
    }

    /** @return {@code "payment-subscriber"} as {@code "PaymentSubscriber"} */
    static String pascal(String name) {
        StringBuilder out = new StringBuilder(name.length());
        boolean upper = true;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!Character.isLetterOrDigit(c)) {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }

    /** @return {@code "payment-subscriber"} as {@code "paymentSubscriber"} */
    static String camel(String name) {
        String pascal = pascal(name);
        return pascal.isEmpty() ? pascal : Character.toLowerCase(pascal.charAt(0)) + pascal.substring(1);
    }

    /** @return the setting that maps a logical destination for the provider's {@code Publisher} */
    static String destinationSetting(String logical) {
        return LogicalNames.settingFor(LogicalNames.DESTINATION_PREFIX, logical);
    }

    /** @return the setting that maps a logical bucket for the provider's {@code BlobStore} */
    static String bucketSetting(String logical) {
        return LogicalNames.settingFor(LogicalNames.BUCKET_PREFIX, logical);
    }

    /** @return a duration as people write it in a message: {@code 9m}, {@code 90s}, {@code 1h} */
    static String human(Duration duration) {
        long seconds = duration.toSeconds();
        if (seconds != 0 && seconds % 3600 == 0) {
            return seconds / 3600 + "h";
        }
        if (seconds != 0 && seconds % 60 == 0) {
            return seconds / 60 + "m";
        }
        return seconds + "s";
    }

    /** @return {@code HH:MM:SS}, the shape host.json's durations take */
    static String hostDuration(Duration duration) {
        long seconds = duration.toSeconds();
        return String.format("%02d:%02d:%02d", seconds / 3600, seconds / 60 % 60, seconds % 60);
    }
}
