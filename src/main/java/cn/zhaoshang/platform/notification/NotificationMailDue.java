package cn.zhaoshang.platform.notification;

/** A notice was written whose e-mail is to be sent once the writing transaction has committed. */
public record NotificationMailDue(long notificationId) {
}
