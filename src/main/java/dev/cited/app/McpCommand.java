package dev.cited.app;

import dev.cited.mcp.CitedMcp;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code cited mcp}: an MCP server on standard input and output, for an MCP client that starts it (a desktop
 * assistant, an IDE). Standard output carries only JSON-RPC: logs go to standard error, and so does anything a
 * library prints. Ends when the client closes standard input (the SDK then drops what it was still answering, as
 * the protocol's shutdown allows).
 */
@Command(name = "mcp", sortOptions = false,
        description = {"Runs an MCP server on stdin/stdout: tools ask, search and get_document, and the documents as",
                "resources. For an MCP client to start; logs go to stderr."},
        footer = {"%nOver HTTP instead, 'cited serve' offers the same at /mcp (Streamable HTTP). See README, MCP server."})
final class McpCommand implements Callable<Integer> {
    @ParentCommand
    CitedCommand cited;

    @Option(names = "--no-watch", order = 0, description = "serve the folder as it is at start: no watching, no rescans")
    boolean noWatch;

    @Mixin
    SeedsFlag seeds;

    @Mixin
    ConfigFlags flags;

    /** Conversations are kept in the data folder when one is given (as serve keeps them), else in memory. */
    CitedConfig config() {
        CitedConfig config = seeds.over(cited.config(flags)).watch(!noWatch).vectorsInBackground(true).build();
        return config.dataDir() != null ? config.withDurableState() : config;
    }

    @Override
    public Integer call() {
        PrintStream protocol = cited.out;
        if (protocol == System.out) {
            System.setOut(System.err); // whatever prints to stdout from now on would corrupt the protocol
        }
        CountDownLatch closed = new CountDownLatch(1);
        try (CitedEngine engine = CitedEngine.create(config(), cited.env);
             CitedMcp mcp = CitedMcp.stdio(engine.mcpSources(), new UntilEnd(System.in, closed), protocol)) {
            cited.err.printf("Cited MCP server ready on stdio (%d documents, model %s)%n",
                    engine.index().documents().size(), engine.conversations().modelName());
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** Standard input, telling {@code closed} when it ends: the client has gone. */
    private static final class UntilEnd extends FilterInputStream {
        private final CountDownLatch closed;

        UntilEnd(InputStream in, CountDownLatch closed) {
            super(in);
            this.closed = closed;
        }

        @Override
        public int read() throws IOException {
            try {
                return ended(super.read());
            } catch (IOException e) {
                closed.countDown();
                throw e;
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return ended(super.read(b, off, len));
            } catch (IOException e) {
                closed.countDown();
                throw e;
            }
        }

        private int ended(int n) {
            if (n < 0) {
                closed.countDown();
            }
            return n;
        }

        @Override
        public void close() throws IOException {
            closed.countDown();
            super.close();
        }
    }
}
