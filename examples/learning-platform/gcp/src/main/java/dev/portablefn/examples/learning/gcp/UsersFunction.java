package dev.portablefn.examples.learning.gcp;

import dev.portablefn.examples.learning.CloudDeployment;
import dev.portablefn.gcp.GcpHttpFunction;

/** Cloud Functions entry point of the users API (HTTP); named in {@code deploy-gcp.sh} as {@code --entry-point=dev.portablefn.examples.learning.gcp.UsersFunction}. */
public final class UsersFunction extends GcpHttpFunction {

    /** Called by the Functions Framework once per instance. */
    public UsersFunction() {
        super(CloudDeployment.platform().usersApi());
    }
}
