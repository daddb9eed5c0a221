/** Database set-up: the Spring Data JDBC dialect and the optional demo data. */
package cn.zhaoshang.platform.db;
