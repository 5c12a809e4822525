package dev.portablefn.aws;

import dev.portablefn.runtime.internal.FunctionRunner;
import java.util.List;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Primes a function just before Lambda SnapStart (or another CRaC runtime) snapshots the initialised process, when
 * the setting {@value #SETTING} is {@code true}: the snapshot then holds a warmed logger, JSON reader, validator and
 * router (see {@link FunctionRunner#prime()}), and the first invocation after a restore sets none of them up. Off by
 * default: without a snapshot, priming only moves that work from the first invocation into init.
 */
final class CracPriming implements Resource {

    /** The setting (environment variable) that turns priming on. */
    static final String SETTING = "PORTABLEFN_PRIMING";
    private static final Logger LOG = LoggerFactory.getLogger(CracPriming.class);

    private final FunctionRunner runner;
    private volatile List<String> primed = List.of();

    private CracPriming(FunctionRunner runner) {
        this.runner = runner;
    }

    /** @return whether {@code setting} (the value of {@value #SETTING}, possibly {@code null}) turns priming on */
    static boolean enabled(String setting) {
        return setting != null && setting.trim().equalsIgnoreCase("true");
    }

    /**
     * Registers priming with the process's checkpoint. The checkpoint holds its resources weakly, so the caller keeps
     * the returned object for as long as the function lives.
     *
     * @param runner the function's runner
     * @return the registered hook
     */
    static CracPriming register(FunctionRunner runner) {
        CracPriming priming = new CracPriming(runner);
        Core.getGlobalContext().register(priming);
        return priming;
    }

    @Override
    public void beforeCheckpoint(org.crac.Context<? extends Resource> context) {
        primed = runner.prime();
        LOG.info("primed {} before the snapshot: {}", runner.function().name(), String.join(", ", primed));
    }

    @Override
    public void afterRestore(org.crac.Context<? extends Resource> context) {
        // Nothing to renew: the function holds no connections of its own; SDK clients reconnect on use.
    }

    /** @return what the last checkpoint primed; empty before one */
    List<String> primed() {
        return primed;
    }
}
