/**
 * Audit: the append-only trail of every change. Listens to {@code RecordChanged} from all modules; nobody depends
 * on it (pages read a record's history through the platform's {@code RecordHistory} interface).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit")
package cn.zhaoshang.audit;
