package org.labourgraph.config;

/** A setting with a value the server cannot run with; the message names the setting and the fix. */
public final class InvalidSettingException extends IllegalArgumentException {
    public InvalidSettingException(String message) {
        super(message);
    }
}
