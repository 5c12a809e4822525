package dev.portablefn.deployment;

import dev.portablefn.api.Provider;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Renders an {@link Application} into one provider's deployment, under a module's build directory:
 * <ul>
 *   <li>AWS: {@code sam/template.yaml} (its CodeUri the Lambda jar beside {@code sam/}) and a
 *       {@code <Name>Handler extends LambdaHandler} per function;</li>
 *   <li>GCP: {@code deploy/deploy-gcp.sh} and {@code deploy/.gcloudignore} next to the jar, and a
 *       {@code <Name>Function} Functions Framework entry per function;</li>
 *   <li>Azure: {@code azure/host.json} and the {@code <App>Functions} class azure-functions-maven-plugin reads.</li>
 * </ul>
 * The Java sources go to {@code generated-sources/portablefn}, replacing what a previous run wrote there. The
 * declaration is checked first; nothing is written when a {@link DeclarationException} is thrown.
 */
public final class Render {

    /** Where the entry classes are written, under the build directory. */
    public static final String GENERATED_SOURCES = "generated-sources/portablefn";

    private final Application app;
    private final Provider provider;
    private final String entryPackage;
    private final String jarName;

    private Render(Application app, Provider provider, String entryPackage, String jarName) {
        this.app = app;
        this.provider = provider;
        this.entryPackage = entryPackage;
        this.jarName = jarName;
    }

    /**
     * Renders from a build: {@code Render <declaration> <aws|gcp|azure> <build directory> <entry package> [jar name]},
     * the declaration a {@code "Class#staticMethod"} or a class with one public static method returning an
     * {@link Application}, loaded with the thread's context class loader. Throws rather than exiting, since
     * exec-maven-plugin runs it inside the build: the build fails with the message.
     *
     * @param args as above
     * @throws IllegalArgumentException when the arguments are not as above
     * @throws DeclarationException     when the provider cannot honour the declaration, naming the field
     * @throws IOException              when a file cannot be written
     */
    public static void main(String[] args) throws IOException {
        if (args.length < 4 || args.length > 5) {
            throw new IllegalArgumentException(
                    "usage: Render <Class#method> <aws|gcp|azure> <build directory> <entry package> [jar name]");
        }
        Provider provider = Provider.valueOf(args[1].toUpperCase(Locale.ROOT));
        Application app = declaration(args[0], Thread.currentThread().getContextClassLoader());
        List<Path> written = to(app, provider, Path.of(args[2]), args[3], args.length == 5 ? args[4] : null);
        System.out.println("portablefn: rendered " + app.name() + " for " + provider + " (" + written.size() + " files)");
    }

    /**
     * @param app          the declaration
     * @param provider     AWS, GCP or AZURE
     * @param buildDir     the module's build directory ({@code target})
     * @param entryPackage the package of the generated entry classes
     * @param jarName      the jar AWS's CodeUri and GCP's script name (unused for Azure)
     * @return the files written
     * @throws DeclarationException when a provider cannot honour the declaration, naming the field
     * @throws IOException          when a file cannot be written
     */
    public static List<Path> to(Application app, Provider provider, Path buildDir, String entryPackage, String jarName)
            throws IOException {
        Map<String, String> files = files(app, provider, entryPackage, jarName,
                Thread.currentThread().getContextClassLoader());
        Path sources = buildDir.resolve(GENERATED_SOURCES);
        if (Files.isDirectory(sources)) {
            try (Stream<Path> old = Files.walk(sources)) {
                old.sorted(Comparator.reverseOrder()).forEach(path -> {
                    try {
                        Files.delete(path);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
            }
        }
        List<Path> written = new ArrayList<>();
        for (Map.Entry<String, String> file : files.entrySet()) {
            Path path = buildDir.resolve(file.getKey());
            Files.createDirectories(path.getParent());
            Files.writeString(path, file.getValue());
            if (path.toString().endsWith(".sh") && path.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
            written.add(path);
        }
        return written;
    }

    /**
     * @return each file's path under the build directory and its text, nothing written
     * @throws DeclarationException when the provider cannot honour the declaration
     */
    static Map<String, String> files(Application app, Provider provider, String entryPackage, String jarName,
                                     ClassLoader loader) {
        Map<String, Entry> entries = Checks.check(app, provider, loader);
        return new Render(app, provider, entryPackage, jarName).files(entries);
    }

    private Map<String, String> files(Map<String, Entry> entries) {
        Map<String, String> files = new LinkedHashMap<>();
        Map<String, String> classes = new LinkedHashMap<>();
        switch (provider) {
            case AWS -> {
                files.put("sam/template.yaml", SamTemplate.render(app, entryPackage, "../" + jarName));
                app.functions().forEach(f -> classes.put(EntryClasses.awsClass(f),
                        EntryClasses.aws(entryPackage, f, entries.get(f.name()))));
            }
            case GCP -> {
                files.put("deploy/deploy-gcp.sh", GcloudScript.render(app, entryPackage, jarName));
                // gcloud uploads the directory: only the jar is the function's.
                files.put("deploy/.gcloudignore", ".gcloudignore\ndeploy-gcp.sh\n");
                app.functions().forEach(f -> classes.put(EntryClasses.gcpClass(f),
                        EntryClasses.gcp(entryPackage, f, entries.get(f.name()))));
            }
            case AZURE -> {
                files.put("azure/host.json", AzureApp.hostJson(app));
                classes.put(AzureApp.className(app), AzureApp.source(entryPackage, app, entries));
            }
            default -> throw new IllegalArgumentException("no deployment to render for " + provider);
        }
        EntryClasses.files(entryPackage, classes).forEach((path, source) ->
                files.put(GENERATED_SOURCES + "/" + path, source));
        return files;
    }

    /** @return the application a {@code "Class#method"}, or a class's one static method returning one, declares */
    static Application declaration(String declaration, ClassLoader loader) {
        int hash = declaration.indexOf('#');
        String className = hash < 0 ? declaration : declaration.substring(0, hash);
        try {
            Class<?> type = Class.forName(className, true, loader);
            List<Method> candidates = Arrays.stream(type.getMethods())
                    .filter(m -> Modifier.isStatic(m.getModifiers()) && m.getParameterCount() == 0
                            && Application.class.isAssignableFrom(m.getReturnType()))
                    .filter(m -> hash < 0 || m.getName().equals(declaration.substring(hash + 1)))
                    .toList();
            if (candidates.size() != 1) {
                throw new DeclarationException("declaration", declaration + " names " + candidates.size()
                        + " public static methods without parameters returning an Application; it must name one");
            }
            return (Application) candidates.get(0).invoke(null);
        } catch (ClassNotFoundException e) {
            throw new DeclarationException("declaration", "class " + className + " is not on the class path");
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new DeclarationException("declaration", declaration + " failed: " + e.getCause());
        }
    }
}
