package io.aurum.client.domain;

/** Identity documents: PRC resident ID (checksum validated), passport, Hong Kong/Macao and Taiwan permits. */
public enum IdType {
    PRC_ID, PASSPORT, HK_MACAO_PERMIT, TAIWAN_PERMIT
}
