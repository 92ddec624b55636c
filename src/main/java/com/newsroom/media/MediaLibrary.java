package com.newsroom.media;

import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import com.newsroom.audit.AuditLog;
import com.newsroom.web.RuleViolation;
import com.newsroom.web.NotFoundException;

/**
 * Images uploaded by editors: the type is decided by the file's content (never its name or the browser's
 * claim), the picture is decoded to prove it is one, and resized variants are made once at upload.
 */
@Service
@Transactional
public class MediaLibrary {

    /** Larger pictures are refused before decoding, so a small file cannot expand into gigabytes. */
    static final long MAX_PIXELS = 40_000_000L;

    static final Map<String, Integer> VARIANT_WIDTHS = Map.of("large", 1600, "card", 640, "thumb", 240);

    /** {@code publicKey} is the random part of its public addresses; the id is never public. */
    public record Item(long id, String publicKey, String originalName, String contentType, int width, int height,
            int sizeBytes, String altText, Instant createdAt) {

        /** A public, re-encoded variant (no metadata): large, card or thumb. */
        public String url(String variant) {
            return "/media/" + publicKey + "/" + variant;
        }

        /** A variant's width: as wide as the variant allows, never wider than the original. */
        public int width(String variant) {
            return Math.min(VARIANT_WIDTHS.get(variant), width);
        }

        /** A variant's height, as {@link MediaLibrary#upload} scales it. */
        public int height(String variant) {
            return scaledHeight(width, height, width(variant));
        }

        /** The file as uploaded, EXIF and all: for staff only. */
        public String originalUrl() {
            return "/admin/media/" + id + "/original";
        }
    }

    public record Image(String contentType, byte[] bytes, String etag) {
    }

    private final JdbcClient jdbc;

    private final Clock clock;

    private final AuditLog audit;

    MediaLibrary(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    public long upload(byte[] bytes, String originalName, String altText, Long staffId) {
        if (bytes == null || bytes.length == 0) {
            throw new RuleViolation("file", "admin.media.empty");
        }
        String type = sniff(bytes);
        if (type == null) {
            throw new RuleViolation("file", "admin.media.notAnImage");
        }
        if (altText == null || altText.isBlank() || altText.strip().length() > 300) {
            throw new RuleViolation("altText", "admin.media.altRequired");
        }
        BufferedImage image = decode(bytes);
        long id = jdbc.sql("""
                insert into media (original_name, content_type, width, height, size_bytes, sha256, alt_text,
                    uploaded_by, created_at, bytes)
                values (:name, :type, :width, :height, :size, :sha, :alt, :by, :at, :bytes) returning id""")
                .param("name", originalName == null ? "" : originalName.replaceAll("[\\p{Cntrl}]", "").strip())
                .param("type", type).param("width", image.getWidth()).param("height", image.getHeight())
                .param("size", bytes.length).param("sha", sha256(bytes)).param("alt", altText.strip())
                .param("by", staffId).param("at", Timestamp.from(clock.instant())).param("bytes", bytes)
                .query(Long.class).single();
        for (var variant : VARIANT_WIDTHS.entrySet()) {
            BufferedImage resized = resize(image, variant.getValue());
            boolean keepsAlpha = image.getColorModel().hasAlpha();
            String format = keepsAlpha ? "png" : "jpg";
            jdbc.sql("""
                    insert into media_variants (media_id, variant, content_type, width, height, bytes)
                    values (:id, :variant, :type, :width, :height, :bytes)""")
                    .param("id", id).param("variant", variant.getKey())
                    .param("type", keepsAlpha ? "image/png" : "image/jpeg")
                    .param("width", resized.getWidth()).param("height", resized.getHeight())
                    .param("bytes", encode(resized, format)).update();
        }
        String uploader = staffId == null ? null : jdbc.sql("select display_name from staff where id = :id")
                .param("id", staffId).query(String.class).optional().orElse(null);
        audit.record(uploader == null ? AuditLog.Actor.SYSTEM : new AuditLog.Actor(staffId, uploader), "media.uploaded",
                altText.strip(), "/admin/media#media-" + id,
                "%s, %d×%d, %,d bytes".formatted(type, image.getWidth(), image.getHeight(), bytes.length));
        return id;
    }

    @Transactional(readOnly = true)
    public List<Item> recent(Long beforeId, int limit) {
        return jdbc.sql("""
                select id, public_key, original_name, content_type, width, height, size_bytes, alt_text, created_at
                from media where (cast(:before as bigint) is null or id < :before) order by id desc limit :limit""")
                .param("before", beforeId).param("limit", limit)
                .query((rs, n) -> new Item(rs.getLong("id"), rs.getString("public_key"), rs.getString("original_name"),
                        rs.getString("content_type"),
                        rs.getInt("width"), rs.getInt("height"), rs.getInt("size_bytes"), rs.getString("alt_text"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    @Transactional(readOnly = true)
    public Optional<Item> find(long id) {
        return recent(id + 1, 1).stream().filter(item -> item.id() == id).findFirst();
    }

    public void describe(long id, String altText) {
        if (altText == null || altText.isBlank() || altText.strip().length() > 300) {
            throw new RuleViolation("altText", "admin.media.altRequired");
        }
        if (jdbc.sql("update media set alt_text = :alt where id = :id").param("alt", altText.strip()).param("id", id)
                .update() == 0) {
            throw new NotFoundException();
        }
    }

    /**
     * A variant's bytes by the media's public key. Variants are re-encoded from the decoded pixels at upload, so
     * they carry none of the original's metadata (EXIF, GPS position, camera serial).
     */
    @Transactional(readOnly = true)
    public Optional<Image> variant(String publicKey, String variant) {
        return jdbc.sql("""
                select v.content_type, v.bytes, m.sha256 from media_variants v join media m on m.id = v.media_id
                where m.public_key = :key and v.variant = :variant""")
                .param("key", publicKey).param("variant", variant)
                .query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("bytes"),
                        rs.getString("sha256") + "-" + variant))
                .optional();
    }

    /**
     * The pictures behind these public keys, in one statement whatever their number (a page's hero, its cards and
     * its body images); keys that name no image are left out.
     */
    @Transactional(readOnly = true)
    public Map<String, Picture> pictures(Collection<String> keys) {
        List<String> wanted = keys.stream().filter(key -> key != null && key.matches("[0-9a-f]{32}")).distinct().toList();
        if (wanted.isEmpty()) {
            return Map.of();
        }
        Map<String, List<Picture.Variant>> variants = new LinkedHashMap<>();
        jdbc.sql("""
                select m.public_key, v.variant, v.width, v.height from media m join media_variants v on v.media_id = m.id
                where m.public_key in (:keys)""")
                .param("keys", wanted)
                .query(rs -> {
                    variants.computeIfAbsent(rs.getString("public_key"), key -> new ArrayList<>())
                            .add(new Picture.Variant(rs.getString("variant"), rs.getInt("width"), rs.getInt("height")));
                });
        Map<String, Picture> pictures = new LinkedHashMap<>();
        variants.forEach((key, list) -> pictures.put(key, new Picture(key, list)));
        return pictures;
    }

    /** The picture behind a library address ({@code /media/KEY/variant}); empty for any other address. */
    @Transactional(readOnly = true)
    public Optional<Picture> picture(String url) {
        return Picture.keyOf(url).map(key -> pictures(List.of(key)).get(key));
    }

    /** The file exactly as uploaded, for staff. */
    @Transactional(readOnly = true)
    public Optional<Image> original(long id) {
        return jdbc.sql("select content_type, bytes, sha256 from media where id = :id").param("id", id)
                .query((rs, n) -> new Image(rs.getString("content_type"), rs.getBytes("bytes"), rs.getString("sha256")))
                .optional();
    }

    /** The image type by its magic numbers: PNG, JPEG or GIF; anything else is refused. */
    static String sniff(byte[] b) {
        if (b.length >= 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G' && b[4] == 0x0d
                && b[5] == 0x0a && b[6] == 0x1a && b[7] == 0x0a) {
            return "image/png";
        }
        if (b.length >= 3 && (b[0] & 0xff) == 0xff && (b[1] & 0xff) == 0xd8 && (b[2] & 0xff) == 0xff) {
            return "image/jpeg";
        }
        if (b.length >= 6 && b[0] == 'G' && b[1] == 'I' && b[2] == 'F' && b[3] == '8' && (b[4] == '7' || b[4] == '9')
                && b[5] == 'a') {
            return "image/gif";
        }
        return null;
    }

    private static BufferedImage decode(byte[] bytes) {
        try (ImageInputStream input = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
            Iterator<ImageReader> readers = ImageIO.getImageReaders(input);
            if (!readers.hasNext()) {
                throw new RuleViolation("file", "admin.media.notAnImage");
            }
            ImageReader reader = readers.next();
            try {
                reader.setInput(input, true, true);
                long pixels = (long) reader.getWidth(0) * reader.getHeight(0);
                if (pixels <= 0 || pixels > MAX_PIXELS) {
                    throw new RuleViolation("file", "admin.media.tooManyPixels");
                }
                BufferedImage image = reader.read(0);
                if (image == null) {
                    throw new RuleViolation("file", "admin.media.notAnImage");
                }
                return image;
            }
            finally {
                reader.dispose();
            }
        }
        catch (IOException | RuntimeException ex) {
            if (ex instanceof RuleViolation refused) {
                throw refused;
            }
            throw new RuleViolation("file", "admin.media.notAnImage");
        }
    }

    private static BufferedImage resize(BufferedImage source, int maxWidth) {
        int width = Math.min(maxWidth, source.getWidth());
        int height = scaledHeight(source.getWidth(), source.getHeight(), width);
        boolean alpha = source.getColorModel().hasAlpha();
        BufferedImage target = new BufferedImage(width, height, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
        var graphics = target.createGraphics();
        try {
            graphics.setRenderingHint(RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BICUBIC);
            graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
            if (!alpha) {
                graphics.setColor(java.awt.Color.WHITE);
                graphics.fillRect(0, 0, width, height);
            }
            graphics.drawImage(source, 0, 0, width, height, null);
        }
        finally {
            graphics.dispose();
        }
        return target;
    }

    /** The height of a picture {@code width}×{@code height} scaled to {@code newWidth}, at least one pixel. */
    static int scaledHeight(int width, int height, int newWidth) {
        return Math.max(1, (int) Math.round(height * (newWidth / (double) width)));
    }

    private static byte[] encode(BufferedImage image, String format) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            if (!ImageIO.write(image, format, out)) {
                throw new IllegalStateException("No ImageIO writer for " + format);
            }
            return out.toByteArray();
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        }
        catch (NoSuchAlgorithmException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
