package com.newsroom.cache;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The {@link PageSlot} markers in a page: written by templates, found once when a page is rendered, and
 * filled on every response. A marker is an HTML comment, {@code <!--slot:NAME:ARG-->}, written unescaped by
 * the template ({@code th:utext="${#slots.marker('name', arg)}"}, see {@link PageSlotDialect}); the slot's value replaces it whole, so a slot meant for
 * an attribute fills in the element that carries it. Only unescaped markers count: whatever readers or
 * editors write reaches a page escaped or sanitized (comments removed), so it can never make a slot.
 */
public final class PageSlots {

    private static final Logger log = LoggerFactory.getLogger(PageSlots.class);

    private static final Pattern MARKER = Pattern
            .compile("<!--slot:([A-Za-z0-9_-]+):([A-Za-z0-9_.:-]*?)-->");

    private static final byte[] OPENING = "<!--slot:".getBytes(StandardCharsets.US_ASCII);

    private final Map<String, PageSlot> byName;

    public PageSlots(List<PageSlot> slots) {
        this.byName = slots.stream().collect(Collectors.toUnmodifiableMap(PageSlot::name, Function.identity()));
    }

    /** Request attribute: the slots to fill as the page is rendered (it goes to this response only). */
    private static final String FILL_AT_ONCE = PageSlots.class.getName() + ".fillAtOnce";

    /** Request attribute: a marker was written, to be filled or replaced once the page is rendered. */
    private static final String MARKERS_WRITTEN = PageSlots.class.getName() + ".markersWritten";

    /** The marker a template writes, unescaped, where the slot goes. */
    public static String marker(String name, Object argument) {
        return "<!--slot:" + name + ":" + argumentText(argument) + "-->";
    }

    /** A slot's argument as its marker carries it, and so as its filler receives it. */
    private static String argumentText(Object argument) {
        return argument == null ? "" : argument.toString();
    }

    /**
     * Marks a page about to be rendered for this response alone: its slots are filled as it is rendered, rather
     * than by searching the whole page for their markers afterwards.
     */
    void fillAtOnce(HttpServletRequest request) {
        request.setAttribute(FILL_AT_ONCE, this);
    }

    /** Whether the page rendered for this request may hold markers (none means nothing to search for). */
    static boolean markersWritten(HttpServletRequest request) {
        return request.getAttribute(MARKERS_WRITTEN) != null;
    }

    /**
     * What a template writes where a slot goes: the slot's value when the page is rendered for this response alone,
     * else the marker (noted on the request, so that the page is searched for it).
     */
    static String markerOrValue(String name, Object argument) {
        HttpServletRequest request = RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes
                attributes ? attributes.getRequest() : null;
        if (request == null) {
            return marker(name, argument);
        }
        if (request.getAttribute(FILL_AT_ONCE) instanceof PageSlots slots) {
            Optional<String> value = slots.fill(name, argumentText(argument), request);
            if (value.isPresent()) {
                return value.get();
            }
        }
        request.setAttribute(MARKERS_WRITTEN, Boolean.TRUE);
        return marker(name, argument);
    }

    /** Where a cache tier in front fetches one slot's value: {@code /slots/NAME?argument=ARG}. */
    public static final String INCLUDE_PATH = "/slots/";

    static final String SURROGATE_CONTROL = "Surrogate-Control";

    static final String ESI_CONTENT = "content=\"ESI/1.0\"";

    /**
     * Whether the request comes from a cache tier that assembles pages itself (Varnish announces
     * {@code Surrogate-Capability: varnish="ESI/1.0"}, see src/main/docker/varnish/default.vcl): such a tier can
     * keep a page with slots, given an {@code <esi:include>} per slot, and fetches each slot on every response.
     */
    static boolean assembledInFront(HttpServletRequest request) {
        String capability = request.getHeader("Surrogate-Capability");
        return capability != null && capability.contains("ESI/1.0");
    }

    /** An include of each slot's value, for a tier in front to fetch per response (names and arguments are URL-safe). */
    static byte[][] includes(Template template) {
        byte[][] values = new byte[template.slots().size()][];
        for (int i = 0; i < values.length; i++) {
            Slot slot = template.slots().get(i);
            values[i] = ("<esi:include src=\"" + includePath(slot.name(), slot.argument()) + "\"/>")
                    .getBytes(StandardCharsets.US_ASCII);
        }
        return values;
    }

    /**
     * The page as it is kept: the marker of each slot that leaves a {@link PageSlot#placeholder placeholder} is
     * replaced by it, for every reader; the other markers stay, to be filled on every response.
     */
    byte[] withPlaceholders(byte[] body) {
        Template template = parse(body);
        if (!template.hasSlots()) {
            return body;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(body.length);
        for (int i = 0; i < template.slots().size(); i++) {
            Slot slot = template.slots().get(i);
            PageSlot filler = byName.get(slot.name());
            Optional<String> placeholder = filler == null ? Optional.empty() : filler.placeholder(slot.argument());
            out.writeBytes(template.literals().get(i));
            out.writeBytes(placeholder.orElseGet(() -> marker(slot.name(), slot.argument()))
                    .getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(template.literals().get(template.slots().size()));
        return out.toByteArray();
    }

    /** Where one slot's value is fetched: by a tier in front (an include), or by the page's script. */
    public static String includePath(String name, String argument) {
        return INCLUDE_PATH + name + "?argument=" + argument;
    }

    /** One slot's value for this response, as an include fetches it; empty when no slot has that name. */
    public Optional<String> fill(String name, String argument, HttpServletRequest request) {
        PageSlot filler = byName.get(name);
        if (filler == null || !argument.matches("[A-Za-z0-9_.:-]*")) {
            return Optional.empty();
        }
        String value = filler.fill(argument, request);
        return Optional.of(value == null ? "" : value);
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    /** The page split at its markers: literal parts around the slots, in order. */
    static Template parse(byte[] body) {
        if (Bytes.indexOf(body, OPENING, 0) < 0) {
            return new Template(List.of(body), List.of());
        }
        // Markers are ASCII, and ISO-8859-1 maps bytes to chars one to one: offsets stay byte offsets.
        Matcher matcher = MARKER.matcher(new String(body, StandardCharsets.ISO_8859_1));
        List<byte[]> literals = new ArrayList<>();
        List<Slot> slots = new ArrayList<>();
        int start = 0;
        while (matcher.find()) {
            literals.add(Arrays.copyOfRange(body, start, matcher.start()));
            slots.add(new Slot(matcher.group(1), matcher.group(2)));
            start = matcher.end();
        }
        literals.add(start == 0 ? body : Arrays.copyOfRange(body, start, body.length));
        return new Template(List.copyOf(literals), List.copyOf(slots));
    }

    /** What each slot of the page reads on this response. */
    byte[][] fill(Template template, HttpServletRequest request) {
        byte[][] values = new byte[template.slots().size()][];
        for (int i = 0; i < values.length; i++) {
            Slot slot = template.slots().get(i);
            PageSlot filler = byName.get(slot.name());
            String value = "";
            if (filler == null) {
                log.warn("No PageSlot named '{}': its marker is left empty", slot.name());
            }
            else {
                value = filler.fill(slot.argument(), request);
            }
            values[i] = (value == null ? "" : value).getBytes(StandardCharsets.UTF_8);
        }
        return values;
    }

    /** The page with its slots filled. */
    static byte[] join(Template template, byte[][] values) {
        if (values.length == 0) {
            return template.literals().get(0);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < values.length; i++) {
            out.writeBytes(template.literals().get(i));
            out.writeBytes(values[i]);
        }
        out.writeBytes(template.literals().get(values.length));
        return out.toByteArray();
    }

    record Slot(String name, String argument) {
    }

    /** Literal parts of a page around its slots; one more literal than slots. */
    record Template(List<byte[]> literals, List<Slot> slots) {

        boolean hasSlots() {
            return !slots.isEmpty();
        }
    }
}
