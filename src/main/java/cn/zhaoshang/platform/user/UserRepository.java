package cn.zhaoshang.platform.user;

import java.util.Optional;

import org.springframework.data.repository.ListCrudRepository;

interface UserRepository extends ListCrudRepository<User, Long> {

	Optional<User> findByUsername(String username);

	boolean existsByUsername(String username);

	boolean existsByRole(cn.zhaoshang.platform.Role role);
}
