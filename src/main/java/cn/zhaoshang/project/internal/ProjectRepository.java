package cn.zhaoshang.project.internal;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ProjectRepository extends ListCrudRepository<Project, Long> {

	Optional<Project> findByNameAndMerchantId(String name, Long merchantId);

	/** The projects of these investors (the ledger import matches its rows against them). */
	List<Project> findByMerchantIdIn(Collection<Long> merchantIds);
}
