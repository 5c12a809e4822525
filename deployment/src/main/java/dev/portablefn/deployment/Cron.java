package dev.portablefn.deployment;

/** A checked five-field Unix cron in each provider's dialect. */
final class Cron {

    private Cron() {
    }

    /** @return {@code "0 2 * * *"} as EventBridge Scheduler's {@code cron(0 2 * * ? *)}: one day field is '?' */
    static String aws(String cron) {
        String[] f = cron.strip().split("\\s+");
        String dayOfMonth = f[4].equals("*") ? f[2] : "?";
        String dayOfWeek = f[4].equals("*") ? "?" : f[4];
        return "cron(" + f[0] + " " + f[1] + " " + dayOfMonth + " " + f[3] + " " + dayOfWeek + " *)";
    }

    /** @return {@code "0 2 * * *"} as Azure's six-field NCRONTAB {@code 0 0 2 * * *}, seconds first */
    static String azure(String cron) {
        return "0 " + String.join(" ", cron.strip().split("\\s+"));
    }

    /** @return the cron as Cloud Scheduler reads it, fields single-spaced */
    static String gcp(String cron) {
        return String.join(" ", cron.strip().split("\\s+"));
    }
}
