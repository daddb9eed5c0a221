package cn.zhaoshang;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** The investment promotion project information management platform (招商引资项目信息管理平台). */
@SpringBootApplication
@ConfigurationPropertiesScan
public class ZhaoshangApplication {

	public static void main(String[] args) {
		SpringApplication.run(ZhaoshangApplication.class, args);
	}
}
