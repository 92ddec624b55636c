package com.newsroom.media.web;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.unit.DataSize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import com.newsroom.web.paging.KeysetPage;
import com.newsroom.account.StaffUser;
import com.newsroom.media.MediaLibrary;
import com.newsroom.web.FormSubmissions;
import com.newsroom.web.NotFoundException;
import com.newsroom.web.RuleViolation;

/** The media library for editors: upload images with alt text, browse, describe. */
@Controller
@RequestMapping("/admin/media")
class MediaAdminController {

    private static final int PAGE = 48;

    private final MediaLibrary library;

    private final DataSize maxUpload;

    MediaAdminController(MediaLibrary library,
            @org.springframework.beans.factory.annotation.Value("${spring.servlet.multipart.max-file-size:8MB}") DataSize maxUpload) {
        this.library = library;
        this.maxUpload = maxUpload;
    }

    @GetMapping
    String list(@RequestParam(required = false) Long before, Model model) {
        KeysetPage<MediaLibrary.Item> page = KeysetPage.of(library.recent(before, PAGE + 1), PAGE,
                item -> String.valueOf(item.id()));
        model.addAttribute("items", page.rows());
        model.addAttribute("next", page.next());
        model.addAttribute("maxUploadMb", maxUpload.toMegabytes());
        return "admin/media/list";
    }

    @PostMapping
    ModelAndView upload(@AuthenticationPrincipal StaffUser me, @RequestParam(required = false) MultipartFile file,
            @RequestParam(defaultValue = "") String altText, Model model, RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "uploadError", () -> {
            if (file == null || file.isEmpty()) {
                throw new RuleViolation("file", "admin.media.empty");
            }
            long id = library.upload(bytes(file), file.getOriginalFilename(), altText, me.getStaffId());
            redirect.addFlashAttribute("flash", "admin.media.uploaded");
            redirect.addFlashAttribute("uploadedId", id);
            return "redirect:/admin/media";
        }, () -> {
            model.addAttribute("altTyped", altText);
            return list(null, model);
        });
    }

    static byte[] bytes(MultipartFile file) {
        try {
            return file.getBytes();
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    /** The file as uploaded (metadata included), for editors only: never cached by a shared cache. */
    @GetMapping("/{id}/original")
    ResponseEntity<byte[]> original(@PathVariable String id, WebRequest request) {
        if (!id.matches("\\d{1,18}")) {
            throw new NotFoundException();
        }
        var image = library.original(Long.parseLong(id)).orElseThrow(NotFoundException::new);
        return Images.send(image, CacheControl.noStore().cachePrivate(), request);
    }

    @PostMapping("/{id}")
    ModelAndView describe(@PathVariable long id, @RequestParam(defaultValue = "") String altText, Model model,
            RedirectAttributes redirect) {
        return FormSubmissions.submit(model, "uploadError", () -> {
            library.describe(id, altText);
            redirect.addFlashAttribute("flash", "admin.media.described");
            return "redirect:/admin/media";
        }, () -> list(null, model));
    }
}
