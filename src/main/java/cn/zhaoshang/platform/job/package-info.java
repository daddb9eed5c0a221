/** Scheduled jobs: the scheduler and the ShedLock lock provider that makes each job run once across nodes. */
package cn.zhaoshang.platform.job;
