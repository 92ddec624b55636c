package com.newsroom.testsupport;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 written byte for byte, for requests no well-behaved client sends: malformed percent-encoding,
 * invalid UTF-8, raw "../" in paths, oversized headers and bodies. The body is written on its own thread so
 * a server that answers early (and closes) is still heard.
 */
public final class RawHttp {

    private RawHttp() {
    }

    public record Response(int status, Map<String, String> headers, String body) {

        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Response send(int port, String method, String target, Map<String, String> headers, byte[] body)
            throws IOException {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(30_000);
            StringBuilder head = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
            head.append("Host: localhost:").append(port).append("\r\n");
            headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
            if (body != null) {
                head.append("Content-Length: ").append(body.length).append("\r\n");
            }
            head.append("Connection: close\r\n\r\n");
            OutputStream out = socket.getOutputStream();
            // ISO-8859-1 keeps every char below 256 as one byte, so targets can carry raw invalid UTF-8.
            byte[] headBytes = head.toString().getBytes(StandardCharsets.ISO_8859_1);
            Thread writer = new Thread(() -> {
                try {
                    out.write(headBytes);
                    if (body != null) {
                        out.write(body);
                    }
                    out.flush();
                }
                catch (IOException ignored) {
                    // The server may refuse and close before reading everything: its answer is what counts.
                }
            }, "raw-http-writer");
            writer.setDaemon(true);
            writer.start();
            byte[] raw = readAll(socket.getInputStream());
            try {
                writer.join(5_000);
            }
            catch (InterruptedException ex) {
                Thread.currentThread().interrupt();
            }
            return parse(raw);
        }
    }

    private static byte[] readAll(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        try {
            for (int n; (n = in.read(buffer)) != -1;) {
                all.write(buffer, 0, n);
            }
        }
        catch (java.net.SocketException ex) {
            // A reset after the answer was sent: keep what arrived.
            if (all.size() == 0) {
                throw ex;
            }
        }
        return all.toByteArray();
    }

    private static Response parse(byte[] raw) {
        int end = indexOf(raw, 0, "\r\n\r\n");
        String head = new String(raw, 0, Math.max(end, 0), StandardCharsets.ISO_8859_1);
        if (end < 0 || !head.startsWith("HTTP/1.1 ")) {
            return new Response(-1, Map.of(), new String(raw, StandardCharsets.UTF_8));
        }
        String[] lines = head.split("\r\n");
        int status = Integer.parseInt(lines[0].substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.merge(lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip(), (a, b) -> a + ", " + b);
            }
        }
        byte[] body = java.util.Arrays.copyOfRange(raw, end + 4, raw.length);
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = dechunk(body);
        }
        return new Response(status, headers, new String(body, StandardCharsets.UTF_8));
    }

    private static byte[] dechunk(byte[] chunked) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int at = 0;
        while (at < chunked.length) {
            int lineEnd = indexOf(chunked, at, "\r\n");
            if (lineEnd < 0) {
                break;
            }
            String sizeLine = new String(chunked, at, lineEnd - at, StandardCharsets.ISO_8859_1).split(";")[0].strip();
            int size = sizeLine.isEmpty() ? 0 : Integer.parseInt(sizeLine, 16);
            if (size == 0) {
                break;
            }
            int start = lineEnd + 2;
            int stop = Math.min(chunked.length, start + size);
            out.write(chunked, start, stop - start);
            at = stop + 2;
        }
        return out.toByteArray();
    }

    private static int indexOf(byte[] data, int from, String ascii) {
        byte[] needle = ascii.getBytes(StandardCharsets.ISO_8859_1);
        outer:
        for (int i = from; i <= data.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (data[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
