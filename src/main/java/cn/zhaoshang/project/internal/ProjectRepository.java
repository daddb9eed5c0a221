package cn.zhaoshang.project.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

	Optional<Project> findByNameAndMerchantId(String name, Long merchantId);
}
