package cn.zhaoshang.chain.catalog;

import org.springframework.data.repository.ListCrudRepository;

interface CatalogRepository extends ListCrudRepository<CatalogProject, Long> {
}
