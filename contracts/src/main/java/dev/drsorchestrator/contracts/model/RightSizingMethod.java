package dev.drsorchestrator.contracts.model;

/**
 * DRS's {@code targetInstanceTypeRightSizingMethod}: {@code NONE} launches the launch template's instance type;
 * {@code BASIC} and {@code IN_AWS} let DRS pick one and ignore the template's.
 */
public enum RightSizingMethod {
    NONE,
    BASIC,
    IN_AWS
}
