package cn.zhaoshang.platform.list;

import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.TypeMismatchException;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.MethodParameter;
import org.springframework.core.ResolvableType;
import org.springframework.core.convert.TypeDescriptor;
import org.springframework.util.ObjectUtils;
import org.springframework.web.bind.WebDataBinder;
import org.springframework.web.bind.annotation.BindParam;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.HandlerMapping;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerAdapter;
import org.springframework.web.servlet.mvc.method.annotation.ServletModelAttributeMethodProcessor;

/**
 * Cheap binding of list filters (issue 15). Every list's filter is a record bound from the query string
 * ({@code @Valid @ModelAttribute ProjectFilter filter}); Spring builds such a record through its constructor, and
 * for every request and every component it introspects the constructor again (a fresh {@code MethodParameter}, the
 * JDK parsing all of the constructor's parameter annotations each time): under load that was a third of the ledger
 * list API's CPU. This kit takes Spring's place for flat records (every component a simple value, an enum, a date,
 * a number or a list of those): the constructor, the component names and their type descriptors (with
 * {@code @DateTimeFormat} and the like) are looked up once per record type, and a request converts only the
 * parameters it has, with the binder Spring would have used (its conversion service and the editors of
 * {@code @InitBinder} methods, e.g. the date window of platform.web.FormDateBinding).
 *
 * <p>Behaviour stays Spring's own: whenever the quick path is not sure to give the same result (a parameter that
 * does not convert, a field marker {@code _x} or {@code !x}, indexed {@code x[0]}, a URI variable or a request
 * header of a component's name, a multipart request, a parameter named like the attribute, allowed, disallowed or
 * required fields set by an {@code @InitBinder}) it steps aside and
 * Spring binds as before, so type-mismatch errors keep their exact codes, messages and the 400 problem shape. The
 * validation ({@code @Valid}) and the BindingResult a page takes are Spring's, unchanged, in both cases.
 */
@Configuration(proxyBeanMethods = false)
public class QueryRecordBinding {

	/** Replaces Spring's two {@code @ModelAttribute} processors (explicit and catch-all) with the quick ones. */
	@Bean
	static BeanPostProcessor quickRecordBinding() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String beanName) {
				if (bean instanceof RequestMappingHandlerAdapter adapter && adapter.getArgumentResolvers() != null) {
					List<HandlerMethodArgumentResolver> resolvers = new ArrayList<>(adapter.getArgumentResolvers());
					for (int i = 0; i < resolvers.size(); i++) {
						if (resolvers.get(i).getClass() == ServletModelAttributeMethodProcessor.class) {
							// Spring lists the explicit processor among the annotation-based ones and the catch-all
							// (annotation not required) last.
							resolvers.set(i, new Processor(i == resolvers.size() - 1));
						}
					}
					adapter.setArgumentResolvers(resolvers);
				}
				return bean;
			}
		};
	}

	/** Headers Spring never binds to a model attribute (ExtendedServletRequestDataBinder). */
	private static final Set<String> FILTERED_HEADERS = Set.of("accept", "authorization", "connection", "cookie",
			"from", "host", "origin", "priority", "range", "referer", "upgrade");

	/** The no-value marker {@link Processor#getRequestValueForAttribute} hands to the attribute factory. */
	private static final String NO_VALUE = new String("");

	private static final Map<Class<?>, Shape> SHAPES = new ConcurrentHashMap<>();

	/** One component of a record: its name, type and the descriptor conversions see. */
	private record Component(String name, Class<?> type, TypeDescriptor descriptor) {
	}

	/** A record type's canonical constructor and components, or {@code null} components if it is not flat. */
	private record Shape(Constructor<?> constructor, List<Component> components) {

		static Shape of(Class<?> type) {
			if (!type.isRecord()) {
				return new Shape(null, null);
			}
			RecordComponent[] rc = type.getRecordComponents();
			Class<?>[] types = new Class<?>[rc.length];
			for (int i = 0; i < rc.length; i++) {
				types[i] = rc[i].getType();
			}
			Constructor<?> ctor;
			try {
				ctor = type.getDeclaredConstructor(types);
			}
			catch (NoSuchMethodException e) {
				return new Shape(null, null);
			}
			// Spring binds through the one constructor it resolves; if that is not the canonical one, stay out.
			if (!ctor.equals(BeanUtils.getResolvableConstructor(type))) {
				return new Shape(null, null);
			}
			List<Component> components = new ArrayList<>();
			for (int i = 0; i < rc.length; i++) {
				MethodParameter p = MethodParameter.forFieldAwareConstructor(ctor, i, rc[i].getName());
				if (!flat(rc[i]) || p.hasParameterAnnotation(BindParam.class)) {
					return new Shape(null, null);
				}
				components.add(new Component(rc[i].getName(), types[i], new TypeDescriptor(p)));
			}
			ctor.setAccessible(true);
			return new Shape(ctor, List.copyOf(components));
		}

		boolean flat() {
			return components != null;
		}

		private static boolean flat(RecordComponent c) {
			Class<?> t = c.getType();
			if (t.isPrimitive() || t.isArray()) {
				return false;
			}
			if (List.class == t) {
				return c.getGenericType() instanceof ParameterizedType pt && pt.getActualTypeArguments()[0] instanceof Class<?> e
						&& BeanUtils.isSimpleValueType(e) && !e.isPrimitive();
			}
			return BeanUtils.isSimpleValueType(t);
		}
	}

	/** Spring's {@code @ModelAttribute} processor, with the quick path for flat records. */
	static final class Processor extends ServletModelAttributeMethodProcessor {

		Processor(boolean annotationNotRequired) {
			super(annotationNotRequired);
		}

		@Override
		protected String getRequestValueForAttribute(String attributeName, NativeWebRequest request) {
			String value = super.getRequestValueForAttribute(attributeName, request);
			return value != null ? value : NO_VALUE;
		}

		@Override
		protected Object createAttributeFromRequestValue(String sourceValue, String attributeName,
				MethodParameter parameter, WebDataBinderFactory binderFactory, NativeWebRequest request)
				throws Exception {
			if (sourceValue != NO_VALUE) {
				return super.createAttributeFromRequestValue(sourceValue, attributeName, parameter, binderFactory,
						request);
			}
			Shape shape = SHAPES.computeIfAbsent(parameter.getNestedParameterType(), Shape::of);
			HttpServletRequest http = request.getNativeRequest(HttpServletRequest.class);
			if (!shape.flat() || http == null || !plain(http, shape)) {
				return null; // Spring constructs it, as before
			}
			WebDataBinder binder = binderFactory.createBinder(request, null, attributeName,
					ResolvableType.forMethodParameter(parameter));
			if (!ObjectUtils.isEmpty(binder.getAllowedFields()) || !ObjectUtils.isEmpty(binder.getDisallowedFields())
					|| !ObjectUtils.isEmpty(binder.getRequiredFields())) {
				return null; // field rules of an @InitBinder (e.g. no "id" from a form): Spring applies them
			}
			List<Component> components = shape.components();
			Object[] args = new Object[components.size()];
			for (int i = 0; i < args.length; i++) {
				Component c = components.get(i);
				String[] values = http.getParameterValues(c.name());
				if (values == null) {
					continue;
				}
				Object value = values.length == 1 ? values[0] : values;
				try {
					args[i] = binder.convertIfNecessary(value, c.type(), c.descriptor());
				}
				catch (TypeMismatchException e) {
					return null; // Spring binds again and reports the error exactly as it always did
				}
			}
			return BeanUtils.instantiateClass(shape.constructor(), args);
		}

		@Override
		protected void bindRequestParameters(WebDataBinder binder, NativeWebRequest request) {
			// A record has no setters: property binding after construction can write nothing into a flat one.
			Object target = binder.getTarget();
			if (target == null || !SHAPES.computeIfAbsent(target.getClass(), Shape::of).flat()) {
				super.bindRequestParameters(binder, request);
			}
		}

		/** Whether the request carries the components' values only as plain query or form parameters. */
		private static boolean plain(HttpServletRequest http, Shape shape) {
			String contentType = http.getContentType();
			if (contentType != null && contentType.toLowerCase(Locale.ROOT).startsWith("multipart/")) {
				return false;
			}
			for (Enumeration<String> names = http.getParameterNames(); names.hasMoreElements();) {
				String name = names.nextElement();
				if (name.startsWith("_") || name.startsWith("!") || name.indexOf('[') >= 0) {
					return false;
				}
			}
			if (http.getAttribute(HandlerMapping.URI_TEMPLATE_VARIABLES_ATTRIBUTE) instanceof Map<?, ?> vars
					&& !vars.isEmpty()) {
				for (Component c : shape.components()) {
					if (vars.containsKey(c.name())) {
						return false;
					}
				}
			}
			for (Enumeration<String> headers = http.getHeaderNames(); headers != null
					&& headers.hasMoreElements();) {
				String header = headers.nextElement().replace("-", "");
				if (FILTERED_HEADERS.contains(header.toLowerCase(Locale.ROOT))) {
					continue;
				}
				for (Component c : shape.components()) {
					if (c.name().equalsIgnoreCase(header)) {
						return false;
					}
				}
			}
			return true;
		}
	}
}
