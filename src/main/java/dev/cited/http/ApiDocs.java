package dev.cited.http;

import io.javalin.config.JavalinConfig;
import io.javalin.http.HandlerType;
import io.javalin.http.staticfiles.Location;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * Swagger UI at {@code /docs}, over {@code /openapi.json}: Cited's own page and initializer, and the UI's files
 * from the org.webjars:swagger-ui jar (whose version is read from the jar, so the pom is the one place it is set).
 */
final class ApiDocs {
    static final String PATH = "/docs";
    private static final String WEBJAR = "/META-INF/resources/webjars/swagger-ui/";

    private ApiDocs() {
    }

    static void register(JavalinConfig config) {
        String page = resource("/api-docs/index.html");
        String init = resource("/api-docs/init.js");
        config.routes.addHttpHandler(HandlerType.GET, PATH, ctx -> ctx.contentType("text/html; charset=utf-8").result(page));
        config.routes.addHttpHandler(HandlerType.GET, PATH + "/init.js",
                ctx -> ctx.contentType("text/javascript; charset=utf-8").result(init));
        config.staticFiles.add(files -> {
            files.hostedPath = PATH + "/ui";
            files.directory = WEBJAR + webjarVersion();
            files.location = Location.CLASSPATH;
        });
    }

    private static String webjarVersion() {
        Properties p = new Properties();
        try (InputStream in = ApiDocs.class.getResourceAsStream("/META-INF/maven/org.webjars/swagger-ui/pom.properties")) {
            if (in == null) {
                throw new IllegalStateException("the swagger-ui webjar is missing from the classpath");
            }
            p.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p.getProperty("version");
    }

    private static String resource(String name) {
        try (InputStream in = ApiDocs.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
