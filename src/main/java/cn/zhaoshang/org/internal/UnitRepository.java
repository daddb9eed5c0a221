package cn.zhaoshang.org.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface UnitRepository extends ListCrudRepository<Unit, Long> {

	Optional<Unit> findByCode(String code);

	Optional<Unit> findByName(String name);
}
