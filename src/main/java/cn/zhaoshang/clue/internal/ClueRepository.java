package cn.zhaoshang.clue.internal;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

public interface ClueRepository extends ListCrudRepository<Clue, Long> {

	Optional<Clue> findByProjectId(Long projectId);
}
