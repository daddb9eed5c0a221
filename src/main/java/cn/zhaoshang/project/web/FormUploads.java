package cn.zhaoshang.project.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import cn.zhaoshang.project.EvidenceKind;
import cn.zhaoshang.project.internal.MoveWithUploads;

import org.springframework.util.MultiValueMap;
import org.springframework.web.multipart.MultipartFile;

/** The files chosen on a form, as the use cases take them; inputs left empty are skipped. */
final class FormUploads {

	private FormUploads() {
	}

	/** One input per kind on the move form ({@code file_CONTRACT}, {@code file_SITE_PHOTO} …). */
	static List<MoveWithUploads.Upload> evidence(MultiValueMap<String, MultipartFile> files) {
		List<MoveWithUploads.Upload> uploads = new ArrayList<>();
		for (EvidenceKind kind : EvidenceKind.values()) {
			uploads.addAll(of(files.get("file_" + kind.name()), kind));
		}
		return uploads;
	}

	static List<MoveWithUploads.Upload> of(List<MultipartFile> files, EvidenceKind kind) {
		List<MoveWithUploads.Upload> uploads = new ArrayList<>();
		if (files == null) {
			return uploads;
		}
		for (MultipartFile file : files) {
			if (file != null && !file.isEmpty()) {
				uploads.add(new MoveWithUploads.Upload(file.getOriginalFilename(), bytes(file), kind));
			}
		}
		return uploads;
	}

	static byte[] bytes(MultipartFile file) {
		try {
			return file.getBytes();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}
}
