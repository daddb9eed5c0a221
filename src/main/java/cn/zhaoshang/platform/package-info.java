/**
 * Platform: security, users, roles and data scopes, the page layout, errors, i18n and shared value types.
 * Depends on no other module; the types in this package are its API.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform")
package cn.zhaoshang.platform;
