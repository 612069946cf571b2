package dev.cited.http;

import dev.cited.access.Principal;
import io.javalin.http.Context;

/** Who the current request acts for, as the authenticator found it, and the checks routes make on it. */
final class Access {
    static final String PRINCIPAL = "cited.principal";

    private Access() {
    }

    static Principal principal(Context ctx) {
        Principal principal = ctx.attribute(PRINCIPAL);
        return principal != null ? principal : Principal.LOCAL;
    }

    /** The owner of the conversations this request starts or continues (null locally). */
    static String owner(Context ctx) {
        return principal(ctx).userId();
    }

    /** @throws io.javalin.http.HttpResponseException 403 unless the request acts for an admin */
    static void requireAdmin(Context ctx, String what) {
        if (!principal(ctx).admin()) {
            throw ApiErrors.error(403, "forbidden", "Only an admin may " + what);
        }
    }
}
