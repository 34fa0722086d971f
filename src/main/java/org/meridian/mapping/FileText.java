package org.meridian.mapping;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.NodeValue;
import org.apache.jena.sparql.function.FunctionBase1;

/**
 * The mapping function {@code fn:text(path)} (see {@link MappingFunctions}): the UTF-8 text of a file under the data folder, so
 * a source's full text can sit on its node and every evidence quote can be checked against it.
 * Paths that leave the data folder are refused.
 */
final class FileText extends FunctionBase1 {
    private final Path dataFolder;

    FileText(Path dataFolder) {
        this.dataFolder = dataFolder.toAbsolutePath().normalize();
    }

    @Override
    public NodeValue exec(NodeValue path) {
        if (!path.isString())
            throw new ExprEvalException("fn:text needs a file path as a string, not " + path);
        Path file = dataFolder.resolve(path.getString()).normalize();
        if (!file.startsWith(dataFolder))
            throw new ExprEvalException("'" + path.getString() + "' is outside the data folder");
        if (!Files.isRegularFile(file))
            throw new ExprEvalException("no such file: data/" + path.getString());
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return NodeValue.makeString(text);
        } catch (CharacterCodingException e) {
            throw new ExprEvalException("data/" + path.getString() + " is not valid UTF-8");
        } catch (IOException e) {
            throw new ExprEvalException("cannot read data/" + path.getString() + ": " + e.getMessage());
        }
    }
}
