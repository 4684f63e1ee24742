package io.thz.core.model;

/** The two service types of the paper: SE users head NOMA clusters, IoT users share them. */
public enum UserType {
    SE,
    IOT
}
