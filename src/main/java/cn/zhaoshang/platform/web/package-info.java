/** The page layout's view model, shared with every module's templates. */
@org.springframework.modulith.NamedInterface("web")
package cn.zhaoshang.platform.web;
