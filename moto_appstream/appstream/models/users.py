"""User-pool users and their assignments to stacks."""

from enum import Enum
from typing import Any

from moto.core.common_models import BaseModel
from moto.core.utils import utcnow

from .common import resource_arn


class MessageAction(str, Enum):
    SUPPRESS = "SUPPRESS"
    RESEND = "RESEND"


class UserStackAssociationErrorCode(str, Enum):
    STACK_NOT_FOUND = "STACK_NOT_FOUND"
    USER_NAME_NOT_FOUND = "USER_NAME_NOT_FOUND"
    DIRECTORY_NOT_FOUND = "DIRECTORY_NOT_FOUND"
    INTERNAL_ERROR = "INTERNAL_ERROR"


# A user-pool user is named by its authentication type and (case-sensitive) name.
UserKey = tuple[str, str]


class User(BaseModel):
    """A user in the AppStream user pool."""

    def __init__(
        self,
        account_id: str,
        region_name: str,
        user_name: str,
        authentication_type: str,
        first_name: str | None,
        last_name: str | None,
    ) -> None:
        self.user_name = user_name
        self.authentication_type = authentication_type
        self.first_name = first_name
        self.last_name = last_name
        self.arn = resource_arn(
            account_id, region_name, f"user/{authentication_type}/{user_name}"
        )
        self.enabled = True
        self.status = "UNCONFIRMED"
        self.created_time = utcnow()

    @property
    def key(self) -> UserKey:
        return (self.authentication_type, self.user_name)


class UserStackAssociation(BaseModel):
    """A user assigned to a stack."""

    def __init__(
        self,
        stack_name: str,
        user_name: str,
        authentication_type: str,
        send_email_notification: bool,
    ) -> None:
        self.stack_name = stack_name
        self.user_name = user_name
        self.authentication_type = authentication_type
        self.send_email_notification = send_email_notification

    @property
    def user_key(self) -> UserKey:
        return (self.authentication_type, self.user_name)


def association_error(
    entry: dict[str, Any],
    error_code: UserStackAssociationErrorCode,
    error_message: str,
) -> dict[str, Any]:
    """One failed entry of a batch user-stack call, echoing the entry."""
    return {
        "UserStackAssociation": entry,
        "ErrorCode": error_code.value,
        "ErrorMessage": error_message,
    }
