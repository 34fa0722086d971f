package org.meridian.export;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.apache.jena.irix.IRIs;
import org.meridian.graph.Project;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParsingException;

/**
 * The project's JSON-LD context, {@code ontology/context.jsonld}: it makes JSON-LD exports compact,
 * the server publishes it, and its namespace entries are the prefixes every export uses.
 */
public record JsonLdContext(String displayName, JsonObject document) {
    public static final String FILE = "context.jsonld";

    /** Where a project keeps its context. */
    public static Path file(Project project) {
        return project.ontology().resolve(FILE);
    }

    /** The namespaces of a context, or none. */
    public static Map<String, String> namespaces(Optional<JsonLdContext> context) {
        return context.map(JsonLdContext::namespaces).orElse(Map.of());
    }

    /** The project's context, or empty when it ships none. */
    public static Optional<JsonLdContext> load(Project project) throws ExportException {
        Path file = file(project);
        if (!Files.isRegularFile(file))
            return Optional.empty();
        String name = project.display(file);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new ExportException(name + ": error: cannot read: " + e.getMessage());
        }
        return Optional.of(parse(name, bytes));
    }

    static JsonLdContext parse(String name, byte[] bytes) throws ExportException {
        JsonValue value;
        try (InputStream in = new ByteArrayInputStream(bytes); var reader = Json.createReader(in)) {
            value = reader.readValue();
        } catch (JsonParsingException e) {
            throw new ExportException(name + ":" + e.getLocation().getLineNumber() + ": error: not valid JSON: "
                    + e.getMessage());
        } catch (JsonException | IOException e) {
            throw new ExportException(name + ": error: not valid JSON: " + e.getMessage());
        }
        if (!(value instanceof JsonObject object) || !object.containsKey("@context"))
            throw new ExportException(name + ":1: error: a JSON-LD context file must be an object with an \"@context\" member");
        return new JsonLdContext(name, object);
    }

    /**
     * The namespace entries of the context ({@code "mer": "https://...#"}) as prefixes. Like Jena's
     * JSON-LD reader, only IRIs ending in {@code #}, {@code /} or {@code :} count as namespaces.
     * They keep the file's order, so exports list them as the file does.
     */
    public Map<String, String> namespaces() {
        Map<String, String> prefixes = new LinkedHashMap<>();
        if (document.get("@context") instanceof JsonObject context)
            context.forEach((key, value) -> {
                if (key.startsWith("@") || !(value instanceof JsonString string))
                    return;
                String iri = string.getString();
                if ((iri.endsWith("#") || iri.endsWith("/") || iri.endsWith(":")) && IRIs.check(iri))
                    prefixes.put(key, iri);
            });
        return prefixes;
    }
}
