package cn.zhaoshang.service.appeal;

import org.springframework.data.repository.ListCrudRepository;

interface AppealRepository extends ListCrudRepository<Appeal, Long> {
}
