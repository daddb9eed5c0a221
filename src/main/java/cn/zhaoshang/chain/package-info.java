/**
 * Industry chains (policy clauses I and III): the ten chains of the city, later their links, local strengths,
 * gaps, target enterprises, chain directors and county positioning.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Industry chains")
package cn.zhaoshang.chain;
