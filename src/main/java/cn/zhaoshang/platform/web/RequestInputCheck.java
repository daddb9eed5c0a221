package cn.zhaoshang.platform.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import cn.zhaoshang.platform.BusinessException;
import cn.zhaoshang.platform.FieldException;
import cn.zhaoshang.platform.InputText;

import org.springframework.context.annotation.Configuration;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.multipart.MultipartRequest;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;
import org.springframework.web.util.WebUtils;

/**
 * The text rules (platform.InputText) for every request parameter and upload file name, in one place, before any
 * controller binds them: a query parameter that breaks one is refused with 400, a form field with 422, an upload
 * whose file name breaks one with 400, each naming the parameter or field. The API answers with its problem
 * document, pages with the error page (the two exception advices), never with a 500.
 */
@Configuration(proxyBeanMethods = false)
class RequestInputCheck implements HandlerInterceptor, WebMvcConfigurer {

	static final String BAD_FILE_NAME = "validation.fileName";
	static final String UNREADABLE_UPLOAD = "error.uploadUnreadable";

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!(handler instanceof org.springframework.web.method.HandlerMethod)
				|| request.getDispatcherType() == DispatcherType.ERROR) {
			// the error page of a refused request reads nothing from it; checking again would refuse the error
			// page itself (an oversize upload would throw again and leave an empty 413)
			return true;
		}
		Map<String, String[]> parameters;
		try {
			parameters = request.getParameterMap();
			checkFileNames(request);
		}
		catch (MaxUploadSizeExceededException e) {
			throw e;
		}
		catch (MultipartException e) {
			// Tomcat refuses to parse a part whose file name holds a NUL (InvalidFileNameException); any other
			// unreadable multipart body is the caller's fault as well.
			throw causedByFileName(e) ? new FieldException("file", 400, BAD_FILE_NAME)
					: new BusinessException(400, UNREADABLE_UPLOAD);
		}
		Set<String> query = null;
		for (var entry : parameters.entrySet()) {
			String name = entry.getKey();
			String problem = InputText.problem(name);
			for (String value : entry.getValue()) {
				if (problem == null) {
					problem = InputText.problem(value);
				}
			}
			if (problem != null) {
				if (query == null) {
					query = queryNames(request);
				}
				boolean inQuery = query.contains(name) || "GET".equals(request.getMethod())
						|| "HEAD".equals(request.getMethod());
				throw new FieldException(printable(name), inQuery ? 400 : 422, problem);
			}
		}
		return true;
	}

	private static void checkFileNames(HttpServletRequest request) {
		MultipartRequest multipart = WebUtils.getNativeRequest(request, MultipartRequest.class);
		if (multipart == null) {
			return;
		}
		for (var files : multipart.getMultiFileMap().entrySet()) {
			for (MultipartFile file : files.getValue()) {
				if (InputText.problem(file.getOriginalFilename()) != null) {
					throw new FieldException(printable(files.getKey()), 400, BAD_FILE_NAME);
				}
			}
		}
	}

	private static boolean causedByFileName(Throwable e) {
		for (Throwable t = e; t != null; t = t.getCause()) {
			if (t.getClass().getSimpleName().equals("InvalidFileNameException")) {
				return true;
			}
		}
		return false;
	}

	private static Set<String> queryNames(HttpServletRequest request) {
		String query = request.getQueryString();
		if (query == null) {
			return Set.of();
		}
		var names = new java.util.HashSet<String>();
		for (String key : UriComponentsBuilder.newInstance().query(query).build().getQueryParams().keySet()) {
			try {
				names.add(UriUtils.decode(key.replace('+', ' '), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException e) {
				names.add(key);
			}
		}
		return names;
	}

	/** A parameter name fit to show: control characters and lone surrogates written as \\uXXXX. */
	private static String printable(String name) {
		if (InputText.problem(name) == null) {
			return name;
		}
		var sb = new StringBuilder();
		name.chars().forEach(c -> sb.append(c < 0x20 || c == 0x7F || Character.isSurrogate((char) c)
				? String.format("\\u%04X", c) : String.valueOf((char) c)));
		return sb.toString();
	}
}
